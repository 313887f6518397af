namespace DiscMastering.Imapi.Iso9660;

/// <summary>Sizes and positions fixed by ECMA-119 (4th edition) and the Joliet specification.</summary>
internal static class IsoConstants
{
    /// <summary>Logical block (sector) size, ECMA-119 6.1.2.</summary>
    public const int BlockSize = 2048;

    /// <summary>Blocks 0-15 are the System Area, ECMA-119 6.2.1; volume descriptors start at 16.</summary>
    public const int SystemAreaBlocks = 16;

    /// <summary>Largest file in one extent: the data length field is 32 bits (ECMA-119 9.1.4).</summary>
    public const long MaxFileLength = uint.MaxValue;

    /// <summary>
    /// The extent length of every section of a larger file but its last (ECMA-119 6.5.1, 9.1.6 multi-extent):
    /// 4 GiB less one block, a whole number of blocks as a section other than the last must be; genisoimage
    /// and xorriso split at the same length.
    /// </summary>
    public const uint SectionLength = uint.MaxValue - BlockSize + 1;

    /// <summary>Directory records a file of <paramref name="length"/> bytes takes: one up to <see cref="MaxFileLength"/>, else one per <see cref="SectionLength"/>.</summary>
    public static int SectionsFor(long length) => length <= MaxFileLength ? 1 : (int)((length + SectionLength - 1) / SectionLength);

    /// <summary>Joliet: a file identifier holds at most 64 UCS-2 characters.</summary>
    public const int JolietMaxNameLength = 64;

    /// <summary>The longest Joliet name a 255-byte directory record can hold (mkisofs' -joliet-long).</summary>
    public const int JolietLongMaxNameLength = 103;

    /// <summary>Primary volume identifier: 32 d-characters (ECMA-119 8.4.6).</summary>
    public const int PrimaryVolumeIdLength = 32;

    /// <summary>Joliet volume identifier: 32 bytes, so 16 UCS-2 characters.</summary>
    public const int JolietVolumeIdLength = 16;

    /// <summary>ECMA-119 limits a path table's parent directory number to 16 bits.</summary>
    public const int MaxDirectories = ushort.MaxValue;

    /// <summary>Standard identifier of every volume descriptor, ECMA-119 8.1.2.</summary>
    public static ReadOnlySpan<byte> StandardIdentifier => "CD001"u8;

    /// <summary>Escape sequence of Joliet UCS-2 level 1 in a supplementary volume descriptor.</summary>
    public static ReadOnlySpan<byte> JolietLevel1Escape => "%/@"u8;

    /// <summary>Escape sequence of Joliet UCS-2 level 2 in a supplementary volume descriptor.</summary>
    public static ReadOnlySpan<byte> JolietLevel2Escape => "%/C"u8;

    /// <summary>Escape sequence of Joliet UCS-2 level 3 in a supplementary volume descriptor.</summary>
    public static ReadOnlySpan<byte> JolietLevel3Escape => "%/E"u8;
}
