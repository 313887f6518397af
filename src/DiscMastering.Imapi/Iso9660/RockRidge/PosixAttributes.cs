namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>What the PX and TF entries of one record say about its file or folder.</summary>
internal readonly record struct PosixAttributes(uint Mode, uint Links, uint SerialNumber, DateTimeOffset Modified);
