namespace DiscMastering.Imapi.Udf;

/// <summary>Sizes, positions and revision numbers fixed by ECMA-167 (3rd edition) and OSTA UDF 1.02.</summary>
/// <remarks>
/// The revision written is UDF 1.02, the revision of DVD-Video and of genisoimage's bridge images: Windows
/// 98 and later, macOS, Linux and stand-alone players read it, while 2.01 shuts out Windows 98/ME and many
/// players. Nothing this engine records needs a later revision: multi-extent files, Unicode names and
/// dates are all in 1.02; 2.00 and later add streams, VAT and metadata partitions, none used here.
/// </remarks>
internal static class UdfConstants
{
    /// <summary>Logical block and sector size of every CD, DVD and BD (UDF 1.02 2.1.5 requires it equal the sector size).</summary>
    public const int BlockSize = 2048;

    /// <summary>UDF revision recorded in the domain identifier suffix and the LVID, BCD (UDF 1.02 2.1.5.3).</summary>
    public const ushort Revision = 0x0102;

    /// <summary>Descriptor version of every tag: 2 on NSR02 volumes, 3 on NSR03 ones (ECMA-167 3/7.2.2).</summary>
    public const ushort DescriptorVersion = 2;

    /// <summary>First anchor point: logical sector 256 (ECMA-167 3/8.4.2.1, UDF 1.02 2.2.3).</summary>
    public const uint AnchorBlock = 256;

    /// <summary>Each volume descriptor sequence extent is at least 16 sectors long (UDF 1.02 2.2.3.1).</summary>
    public const int SequenceBlocks = 16;

    /// <summary>Longest extent a short_ad or long_ad may describe: 2^30 less one block (ECMA-167 4/14.14.1.1, UDF 1.02 2.3.10).</summary>
    public const uint MaxExtentLength = (1u << 30) - BlockSize;

    /// <summary>The domain identifier of UDF file systems (UDF 1.02 2.1.5.2).</summary>
    public const string DomainIdentifier = "*OSTA UDF Compliant";

    /// <summary>Identifies this implementation in every implementation identifier field (UDF 1.02 2.1.5.2).</summary>
    public const string ImplementationIdentifier = "*DiscMastering";

    /// <summary>The Implementation Use Volume Descriptor's identifier (UDF 1.02 2.2.7.2).</summary>
    public const string LogicalVolumeInfoIdentifier = "*UDF LV Info";

    /// <summary>Partition contents of an NSR02 partition (ECMA-167 3/10.5.5).</summary>
    public const string PartitionContentsNsr02 = "+NSR02";

    /// <summary>Standard identifier of the NSR descriptor of UDF 1.02 volumes (ECMA-167 3/9.1.2).</summary>
    public static ReadOnlySpan<byte> Nsr02 => "NSR02"u8;

    /// <summary>Standard identifier of the NSR descriptor of UDF 2.00 and later (ECMA-167 3rd ed. 3/9.1.2).</summary>
    public static ReadOnlySpan<byte> Nsr03 => "NSR03"u8;

    /// <summary>Beginning Extended Area Descriptor (ECMA-167 2/9.2.2).</summary>
    public static ReadOnlySpan<byte> Bea01 => "BEA01"u8;

    /// <summary>Terminating Extended Area Descriptor (ECMA-167 2/9.3.2).</summary>
    public static ReadOnlySpan<byte> Tea01 => "TEA01"u8;
}
