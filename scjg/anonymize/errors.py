"""Errors about one input file; their messages are Chinese and name the file."""


class AnonymizeError(Exception):
    """A problem with one input file; the message is in Chinese and names the file."""


class EmptyFileError(AnonymizeError):
    """The file holds no text: nothing to anonymize."""
