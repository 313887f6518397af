namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>What an image's UDF volume descriptors and File Set Descriptor say about it.</summary>
public sealed class UdfVolumeInfo
{
    /// <summary>The logical volume identifier, which systems show as the label.</summary>
    public required string LogicalVolumeIdentifier { get; init; }

    /// <summary>The Primary Volume Descriptor's volume identifier.</summary>
    public required string VolumeIdentifier { get; init; }

    /// <summary>The File Set Descriptor's file set identifier.</summary>
    public required string FileSetIdentifier { get; init; }

    /// <summary>The UDF revision of the Logical Volume Descriptor's domain identifier, such as "1.02".</summary>
    public required string Revision { get; init; }

    /// <summary>The Primary Volume Descriptor's recording time.</summary>
    public DateTimeOffset? Recorded { get; init; }

    /// <summary>Where the anchor that was used lies.</summary>
    public required long AnchorBlock { get; init; }

    /// <summary>The first block of the partition holding the file set.</summary>
    public required uint PartitionStart { get; init; }

    /// <summary>The partition's length in blocks.</summary>
    public required uint PartitionLength { get; init; }
}
