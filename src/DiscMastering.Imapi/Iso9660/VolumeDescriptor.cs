using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// The primary volume descriptor (ECMA-119 8.4) and the Joliet supplementary volume descriptor (8.5), which
/// share one layout: the supplementary one records its texts in UCS-2 big-endian and names its escape sequence.
/// </summary>
internal sealed class VolumeDescriptor
{
    internal static class FieldLocations
    {
        public const int Type = 0;
        public const int StandardIdentifier = Type + 1;
        public const int Version = StandardIdentifier + 5;
        public const int Flags = Version + 1;
        public const int SystemIdentifier = Flags + 1;
        public const int VolumeIdentifier = SystemIdentifier + FieldLengths.SystemIdentifier;
        public const int VolumeSpaceSize = VolumeIdentifier + FieldLengths.VolumeIdentifier + 8;
        public const int EscapeSequences = VolumeSpaceSize + 8;
        public const int VolumeSetSize = EscapeSequences + 32;
        public const int VolumeSequenceNumber = VolumeSetSize + 4;
        public const int LogicalBlockSize = VolumeSequenceNumber + 4;
        public const int PathTableSize = LogicalBlockSize + 4;
        public const int TypeLPathTable = PathTableSize + 8;
        public const int OptionalTypeLPathTable = TypeLPathTable + 4;
        public const int TypeMPathTable = OptionalTypeLPathTable + 4;
        public const int OptionalTypeMPathTable = TypeMPathTable + 4;
        public const int RootDirectoryRecord = OptionalTypeMPathTable + 4;
        public const int VolumeSetIdentifier = RootDirectoryRecord + FieldLengths.RootDirectoryRecord;
        public const int PublisherIdentifier = VolumeSetIdentifier + FieldLengths.LongIdentifier;
        public const int DataPreparerIdentifier = PublisherIdentifier + FieldLengths.LongIdentifier;
        public const int ApplicationIdentifier = DataPreparerIdentifier + FieldLengths.LongIdentifier;
        public const int CopyrightFileIdentifier = ApplicationIdentifier + FieldLengths.LongIdentifier;
        public const int AbstractFileIdentifier = CopyrightFileIdentifier + FieldLengths.FileIdentifier;
        public const int BibliographicFileIdentifier = AbstractFileIdentifier + FieldLengths.FileIdentifier;
        public const int CreationDate = BibliographicFileIdentifier + FieldLengths.FileIdentifier;
        public const int ModificationDate = CreationDate + IsoDate.VolumeDateLength;
        public const int ExpirationDate = ModificationDate + IsoDate.VolumeDateLength;
        public const int EffectiveDate = ExpirationDate + IsoDate.VolumeDateLength;
        public const int FileStructureVersion = EffectiveDate + IsoDate.VolumeDateLength;
    }

    internal static class FieldLengths
    {
        public const int SystemIdentifier = 32;
        public const int VolumeIdentifier = 32;
        public const int RootDirectoryRecord = 34;
        public const int LongIdentifier = 128;
        public const int FileIdentifier = 37;
    }

    /// <summary>Volume descriptor types, ECMA-119 8.1.1.</summary>
    internal enum DescriptorType : byte
    {
        Primary = 1,
        Supplementary = 2,
        SetTerminator = 255,
    }

    public required bool IsJoliet { get; init; }

    public required string VolumeIdentifier { get; init; }

    public string SystemIdentifier { get; init; } = "";

    public string VolumeSetIdentifier { get; init; } = "";

    public string PublisherIdentifier { get; init; } = "";

    public string DataPreparerIdentifier { get; init; } = "";

    public string ApplicationIdentifier { get; init; } = "";

    public required uint VolumeSpaceSize { get; init; }

    public required uint PathTableSize { get; init; }

    public required uint TypeLPathTable { get; init; }

    public required uint TypeMPathTable { get; init; }

    public required DirectoryRecord RootDirectory { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>Writes the descriptor into one zeroed block.</summary>
    public void WriteTo(Span<byte> block)
    {
        WriteHeader(block, IsJoliet ? DescriptorType.Supplementary : DescriptorType.Primary);
        if (IsJoliet)
        {
            IsoConstants.JolietLevel3Escape.CopyTo(block[FieldLocations.EscapeSequences..]);
        }

        WriteText(block.Slice(FieldLocations.SystemIdentifier, FieldLengths.SystemIdentifier), SystemIdentifier);
        WriteText(block.Slice(FieldLocations.VolumeIdentifier, FieldLengths.VolumeIdentifier), VolumeIdentifier);
        BothByteOrder.WriteUInt32(block[FieldLocations.VolumeSpaceSize..], VolumeSpaceSize);
        BothByteOrder.WriteUInt16(block[FieldLocations.VolumeSetSize..], 1);
        BothByteOrder.WriteUInt16(block[FieldLocations.VolumeSequenceNumber..], 1);
        BothByteOrder.WriteUInt16(block[FieldLocations.LogicalBlockSize..], IsoConstants.BlockSize);
        BothByteOrder.WriteUInt32(block[FieldLocations.PathTableSize..], PathTableSize);
        BinaryPrimitives.WriteUInt32LittleEndian(block[FieldLocations.TypeLPathTable..], TypeLPathTable);
        BinaryPrimitives.WriteUInt32BigEndian(block[FieldLocations.TypeMPathTable..], TypeMPathTable);
        RootDirectory.WriteTo(block.Slice(FieldLocations.RootDirectoryRecord, FieldLengths.RootDirectoryRecord), DirectoryRecord.SelfIdentifier);
        WriteText(block.Slice(FieldLocations.VolumeSetIdentifier, FieldLengths.LongIdentifier), VolumeSetIdentifier);
        WriteText(block.Slice(FieldLocations.PublisherIdentifier, FieldLengths.LongIdentifier), PublisherIdentifier);
        WriteText(block.Slice(FieldLocations.DataPreparerIdentifier, FieldLengths.LongIdentifier), DataPreparerIdentifier);
        WriteText(block.Slice(FieldLocations.ApplicationIdentifier, FieldLengths.LongIdentifier), ApplicationIdentifier);
        WriteText(block.Slice(FieldLocations.CopyrightFileIdentifier, FieldLengths.FileIdentifier), "");
        WriteText(block.Slice(FieldLocations.AbstractFileIdentifier, FieldLengths.FileIdentifier), "");
        WriteText(block.Slice(FieldLocations.BibliographicFileIdentifier, FieldLengths.FileIdentifier), "");
        IsoDate.WriteVolumeDate(block[FieldLocations.CreationDate..], Created);
        IsoDate.WriteVolumeDate(block[FieldLocations.ModificationDate..], Created);
        IsoDate.WriteVolumeDate(block[FieldLocations.ExpirationDate..], null);
        IsoDate.WriteVolumeDate(block[FieldLocations.EffectiveDate..], null);
        block[FieldLocations.FileStructureVersion] = 1;
    }

    /// <summary>Writes the terminator that ends the descriptor set, ECMA-119 8.3.</summary>
    public static void WriteSetTerminator(Span<byte> block) => WriteHeader(block, DescriptorType.SetTerminator);

    private static void WriteHeader(Span<byte> block, DescriptorType type)
    {
        block[FieldLocations.Type] = (byte)type;
        IsoConstants.StandardIdentifier.CopyTo(block[FieldLocations.StandardIdentifier..]);
        block[FieldLocations.Version] = 1;
    }

    /// <summary>Writes a text field padded with spaces: ASCII in the primary descriptor, UCS-2 big-endian in Joliet's.</summary>
    private void WriteText(Span<byte> field, string text)
    {
        if (!IsJoliet)
        {
            field.Fill((byte)' ');
            Encoding.ASCII.GetBytes(text.AsSpan(0, Math.Min(text.Length, field.Length)), field);
            return;
        }

        for (var i = 0; i + 1 < field.Length; i += 2)
        {
            field[i] = 0;
            field[i + 1] = (byte)' ';
        }

        var chars = Math.Min(text.Length, field.Length / 2);
        Encoding.BigEndianUnicode.GetBytes(text.AsSpan(0, chars), field);
    }
}
