"""policyqa: semantic search and extractive question answering over Chinese policy texts."""
