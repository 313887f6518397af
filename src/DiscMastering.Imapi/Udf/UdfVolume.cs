using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Udf;

/// <summary>What the UDF writer needs beyond the layout, known once the whole image is laid out.</summary>
/// <param name="Label">The volume label: the logical volume, volume and file set identifiers.</param>
/// <param name="Recorded">The volume's recording time (SOURCE_DATE_EPOCH when set).</param>
/// <param name="FileBlock">The image block of each file's data, as the ISO 9660 tree records it; empty files may give any block.</param>
/// <param name="PartitionEnd">The block after the last block of file data: the partition runs from the file system region to here.</param>
internal sealed record UdfVolume(string Label, DateTimeOffset Recorded, Func<DiscFile, uint> FileBlock, uint PartitionEnd);
