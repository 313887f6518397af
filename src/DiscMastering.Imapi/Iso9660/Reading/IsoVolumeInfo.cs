namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>
/// A volume descriptor read from an image: the primary one (ECMA-119 8.4) or a Joliet supplementary one
/// (8.5). Texts are trimmed of their space padding; Joliet's are decoded from UCS-2 big-endian.
/// </summary>
public sealed record IsoVolumeInfo
{
    /// <summary>True for a Joliet supplementary volume descriptor, false for the primary one.</summary>
    public required bool IsJoliet { get; init; }

    /// <summary>The block (of 2,048 bytes) the descriptor was read from.</summary>
    public required int DescriptorBlock { get; init; }

    /// <summary>The volume label.</summary>
    public required string VolumeIdentifier { get; init; }

    /// <summary>The system identifier: the system that can use the System Area.</summary>
    public required string SystemIdentifier { get; init; }

    /// <summary>The volume set identifier.</summary>
    public required string VolumeSetIdentifier { get; init; }

    /// <summary>The publisher identifier.</summary>
    public required string PublisherIdentifier { get; init; }

    /// <summary>The data preparer identifier.</summary>
    public required string DataPreparerIdentifier { get; init; }

    /// <summary>The application identifier: usually the program that made the image.</summary>
    public required string ApplicationIdentifier { get; init; }

    /// <summary>The volume's size in logical blocks.</summary>
    public required uint VolumeSpaceSize { get; init; }

    /// <summary>Bytes per logical block: 2,048 on every image this reader has met, 512 or 1,024 allowed.</summary>
    public required int LogicalBlockSize { get; init; }

    /// <summary>The volume's size in bytes.</summary>
    public long VolumeBytes => (long)VolumeSpaceSize * LogicalBlockSize;

    /// <summary>Bytes of one path table.</summary>
    public required uint PathTableSize { get; init; }

    /// <summary>First block of the little-endian (type L) path table.</summary>
    public required uint TypeLPathTable { get; init; }

    /// <summary>First block of the big-endian (type M) path table.</summary>
    public required uint TypeMPathTable { get; init; }

    /// <summary>When the volume was created; null when the descriptor says "not specified".</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the volume was last modified; null when the descriptor says "not specified".</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The root directory, from the descriptor's root directory record.</summary>
    public required IsoEntry Root { get; init; }

    /// <summary>First block of the root directory's extent.</summary>
    public uint RootExtent => Root.Extent;
}
