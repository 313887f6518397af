namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>The partition tables in a hybrid image's system area: an MBR, and a GPT when the MBR protects one or one is at sector 1.</summary>
/// <param name="Mbr">The MBR's used entries; null when sector 0 does not end in 55 AA.</param>
/// <param name="Gpt">The GPT; null when there is none.</param>
public sealed record PartitionTableInfo(IReadOnlyList<MbrPartitionInfo>? Mbr, GptInfo? Gpt);
