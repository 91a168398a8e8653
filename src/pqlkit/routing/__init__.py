"""Routing: rules that pick a path, owner assignment, SLA clocks and the hand-off builder."""
