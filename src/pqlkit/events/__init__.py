"""Events: the Segment spec, identity resolution and importers."""
