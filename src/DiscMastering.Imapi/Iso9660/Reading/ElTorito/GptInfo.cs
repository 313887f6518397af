namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>A GUID partition table header and its used entries (UEFI 2.10 5.3.2, table 5.21), as read from an image.</summary>
public sealed record GptInfo
{
    /// <summary>The sector the header was read from (1: right after the protective MBR).</summary>
    public required ulong HeaderLba { get; init; }

    /// <summary>The revision, such as 0x00010000 for 1.0.</summary>
    public required uint Revision { get; init; }

    /// <summary>The header's size in bytes (92 in revision 1.0).</summary>
    public required uint HeaderSize { get; init; }

    /// <summary>True when the header's CRC-32 matches its bytes.</summary>
    public required bool HeaderCrcValid { get; init; }

    /// <summary>The sector the header says it is in.</summary>
    public required ulong MyLba { get; init; }

    /// <summary>The sector of the backup header.</summary>
    public required ulong AlternateLba { get; init; }

    /// <summary>The first sector partitions may use.</summary>
    public required ulong FirstUsableLba { get; init; }

    /// <summary>The last sector partitions may use.</summary>
    public required ulong LastUsableLba { get; init; }

    /// <summary>The disk's GUID.</summary>
    public required Guid DiskGuid { get; init; }

    /// <summary>The first sector of the partition entry array.</summary>
    public required ulong EntriesLba { get; init; }

    /// <summary>The number of entries in the array, used or not.</summary>
    public required uint EntryCount { get; init; }

    /// <summary>Bytes per entry (128 in revision 1.0).</summary>
    public required uint EntrySize { get; init; }

    /// <summary>True when the entry array's CRC-32 matches the header's.</summary>
    public required bool EntriesCrcValid { get; init; }

    /// <summary>The used entries (a type GUID other than zero), at most <see cref="PartitionTableReader.MaxListedEntries"/>.</summary>
    public required IReadOnlyList<GptPartitionInfo> Partitions { get; init; }

    /// <summary>Used entries beyond those listed in <see cref="Partitions"/>.</summary>
    public int UnlistedPartitions { get; init; }
}
