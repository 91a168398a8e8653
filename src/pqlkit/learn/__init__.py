"""Learning from outcomes: backtests without look-ahead (and, later, discovery and training)."""
