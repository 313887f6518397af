using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The ICB tag of every file entry (ECMA-167 4/14.6): strategy 4, a single direct entry (UDF 1.02 2.3.5),
/// the file type, and flags whose low three bits say how the allocation descriptors are recorded.
/// </summary>
internal readonly record struct IcbTag(ushort StrategyType, IcbFileType FileType, ushort Flags)
{
    public const int Length = 20;

    /// <summary>Strategy 4: one direct entry (4/A.5); the only one UDF 1.02 writers use on read-only media.</summary>
    public const ushort Strategy4 = 4;

    /// <summary>The low bits of <see cref="Flags"/> (4/14.6.8).</summary>
    public const ushort AllocationMask = 0b111;

    internal static class FieldLocations
    {
        public const int PriorDirectEntries = 0;
        public const int StrategyType = 4;
        public const int StrategyParameter = 6;
        public const int MaximumEntries = 8;
        public const int FileType = 11;
        public const int ParentIcb = 12;
        public const int Flags = 18;
    }

    public AllocationKind Allocation => (AllocationKind)(Flags & AllocationMask);

    public void WriteTo(Span<byte> destination)
    {
        destination[..Length].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.StrategyType..], StrategyType);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.MaximumEntries..], 1);
        destination[FieldLocations.FileType] = (byte)FileType;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.Flags..], Flags);
    }

    public static IcbTag Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(source[FieldLocations.StrategyType..]),
        (IcbFileType)source[FieldLocations.FileType],
        BinaryPrimitives.ReadUInt16LittleEndian(source[FieldLocations.Flags..]));
}

/// <summary>File types of the ICB tag (ECMA-167 4/14.6.6) that a disc holds.</summary>
internal enum IcbFileType : byte
{
    Directory = 4,
    RegularFile = 5,
    SymbolicLink = 12,
}

/// <summary>How a file entry records its data (ECMA-167 4/14.6.8, bits 0-2 of the ICB tag flags).</summary>
internal enum AllocationKind
{
    Short = 0,
    Long = 1,
    Extended = 2,
    Embedded = 3,
}
