"""Exceptions the library raises; each message says what went wrong and what to do."""


class PolicyQAError(Exception):
    """Base class: the CLI prints the message as one line and exits non-zero."""


class IngestError(PolicyQAError):
    """A file cannot be read as a policy document (empty, binary, undecodable, unsupported)."""


class IndexMissingError(PolicyQAError):
    """No index at the given directory."""


class IndexMismatchError(PolicyQAError):
    """The index was built with another model, tokenizer or format version."""


class IndexCorruptError(PolicyQAError):
    """An index file is missing or unreadable."""


class IndexLockedError(PolicyQAError):
    """Another process is writing the index."""


class QueryError(PolicyQAError):
    """The query cannot be answered as given (for example it is empty)."""
