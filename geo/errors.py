"""Every error the library raises on purpose. Each carries a message a user can act on."""


class GeoError(Exception):
    """Base of all errors raised by the geo library."""


class IngestError(GeoError):
    """A file could not be turned into text."""


class EmptyInput(IngestError):
    pass


class TooLarge(IngestError):
    pass


class UnsupportedFormat(IngestError):
    pass


class NoTextLayer(IngestError):
    pass


class CorruptFile(IngestError):
    pass


class GazetteerError(GeoError):
    """The gazetteer index is missing, outdated or unreadable."""


class GeocoderError(GeoError):
    """An online geocoder failed; the offline answer stands."""


class StoreError(GeoError):
    """The article library could not be read or written."""
