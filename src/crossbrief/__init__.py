"""crossbrief: reproducible comparative briefings from a folder of news articles."""

__version__ = "0.1.0"
