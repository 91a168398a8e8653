"""Compile a PQL model to Ibis: signals as of a time, points and layers, tiers, SQL for any engine."""
