"""The built-in collector: news feeds and their article pages, written into the inbox."""
