"""tiebot: answers about two-legged knockout ties in African club competitions."""

__version__ = "0.1.0"
