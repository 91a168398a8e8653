"""Destinations: the durable outbox, the delivery worker, and where hand-offs go (Slack,
HubSpot, Salesforce, a signed webhook, a JSON-lines log, CSV). See docs/destinations.md."""
