namespace DiscMastering.Imapi.Udf;

/// <summary>
/// A File Entry as read: its ICB tag, size, date, and where its allocation descriptors (or embedded data)
/// start in the block and how many bytes they take; the caller checks both against the block.
/// </summary>
internal readonly record struct RecordedEntry(IcbTag Icb, ulong InformationLength, DateTimeOffset? Modified, long DescriptorsOffset, uint DescriptorsLength);
