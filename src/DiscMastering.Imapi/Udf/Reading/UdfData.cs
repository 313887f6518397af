namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>
/// Where an entry's data is: byte ranges of the image in order (an offset of -1 for an extent that is
/// allocated but not recorded, which reads as zeros), or bytes embedded in its File Entry.
/// </summary>
internal sealed record UdfData((long Offset, long Length)[] Ranges, byte[]? Embedded);
