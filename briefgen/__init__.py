"""briefgen: turn news articles into a policy briefing."""
__version__ = "0.1.0"
