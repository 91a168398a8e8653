"""Hot triggers: conditions that must act now, evaluated in batch here and in real time by the server."""
