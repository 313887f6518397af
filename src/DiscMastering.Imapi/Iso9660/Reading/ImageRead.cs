namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>Fills <paramref name="buffer"/> from the image at <paramref name="offset"/>, failing when the image ends first.</summary>
internal delegate void ImageRead(Span<byte> buffer, long offset);
