namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>Bytes of a record's System Use field and of its continuation area (0 when it has none).</summary>
internal readonly record struct SystemUseSplit(int InlineLength, int ContinuationLength);
