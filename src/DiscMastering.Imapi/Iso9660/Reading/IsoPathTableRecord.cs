namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>One record of a path table (ECMA-119 9.4), as read from an image.</summary>
/// <param name="Number">The directory's 1-based number: its position in the table.</param>
/// <param name="Name">The directory's name, decoded as a directory entry's is; empty for the root.</param>
/// <param name="Extent">First block of the directory's extent.</param>
/// <param name="ParentNumber">The number of the parent directory; the root is its own parent (1).</param>
public readonly record struct IsoPathTableRecord(int Number, string Name, uint Extent, ushort ParentNumber);
