"""pqlkit: Product Qualified Leads as code."""

__version__ = "0.1.0"
