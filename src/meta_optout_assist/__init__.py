"""meta-optout-assist: object to Meta using your posts for AI, in a browser you control."""

__version__ = "0.1.0"
