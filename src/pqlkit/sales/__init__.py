"""What comes back from sales: feedback on leads, first touches, and reports on them."""
