using System.Buffers.Binary;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.Udf;

public sealed class UdfPrimitiveTests
{
    [Fact]
    public void Crc_MatchesTheExampleOfEcma167()
    {
        // ECMA-167 1/7.2.6: the CRC of the bytes #70 #6A #77 is #3299.
        Assert.Equal(0x3299, Crc16Itu.Compute([0x70, 0x6A, 0x77]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(496)]
    [InlineData(2032)]
    public void Crc_MatchesABitByBitComputation(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        Assert.Equal(BitByBitCrc(bytes), Crc16Itu.Compute(bytes));
    }

    [Fact]
    public void Tag_ChecksumAndCrcAreWhatAnIndependentSumGives()
    {
        var descriptor = new byte[512];
        new Random(7).NextBytes(descriptor.AsSpan(16));
        DescriptorTag.Write(descriptor, TagIdentifier.TerminatingDescriptor, 0x01020304);

        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(descriptor));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(2)));
        Assert.Equal(496, BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(10)));
        Assert.Equal(0x01020304u, BinaryPrimitives.ReadUInt32LittleEndian(descriptor.AsSpan(12)));
        Assert.Equal(BitByBitCrc(descriptor.AsSpan(16)), BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(8)));
        var sum = 0;
        for (var i = 0; i < 16; i++)
        {
            sum += i == 4 ? 0 : descriptor[i];
        }

        Assert.Equal((byte)sum, descriptor[4]);
        Assert.True(DescriptorTag.TryRead(descriptor, out var tag));
        Assert.Equal(TagIdentifier.TerminatingDescriptor, tag.Identifier);

        descriptor[100] ^= 1;
        Assert.False(DescriptorTag.TryRead(descriptor, out _));
    }

    [Fact]
    public void Tag_OfAKnownDescriptor_HasTheKnownChecksum()
    {
        // An all-zero Terminating Descriptor at sector 0: CRC of 496 zero bytes is 0, so the tag is
        // 08 00 02 00 cs 00 00 00 00 00 F0 01 00 00 00 00 and the checksum 8 + 2 + 0xF0 + 1 = 0xFB.
        var descriptor = new byte[512];
        DescriptorTag.Write(descriptor, TagIdentifier.TerminatingDescriptor, 0);
        Assert.Equal(0xFB, descriptor[4]);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(8)));
    }

    [Theory]
    [InlineData("readme.txt", 8)]
    [InlineData("Ünïcödé.txt", 8)]
    [InlineData("ÿ", 8)]
    [InlineData("日本語.txt", 16)]
    [InlineData("mixed Ā and a", 16)]
    [InlineData("😀 emoji", 16)]
    public void CompressedUnicode_RoundTrips_InTheNarrowestForm(string name, byte compression)
    {
        var buffer = new byte[300];
        var length = OstaUnicode.Encode(name, buffer);
        Assert.Equal(OstaUnicode.EncodedLength(name), length);
        Assert.Equal(compression, buffer[0]);
        Assert.Equal(1 + (name.Length * (compression / 8)), length);
        Assert.Equal(name, OstaUnicode.Decode(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void CompressedUnicode_SixteenBitIsBigEndian()
    {
        var buffer = new byte[8];
        OstaUnicode.Encode("日", buffer);
        Assert.Equal(new byte[] { 16, 0x65, 0xE5 }, buffer[..3]);
    }

    [Fact]
    public void DString_CutsAtAWholeCharacterAndRecordsTheLength()
    {
        var field = new byte[32];
        OstaUnicode.WriteDString(field, "ABC");
        Assert.Equal(new byte[] { 8, (byte)'A', (byte)'B', (byte)'C' }, field[..4]);
        Assert.Equal(4, field[31]);
        Assert.Equal("ABC", OstaUnicode.ReadDString(field));

        OstaUnicode.WriteDString(field, new string('x', 14) + "😀😀");
        Assert.Equal(new string('x', 14), OstaUnicode.ReadDString(field)); // 15 UTF-16 units fit; the pair is not split

        OstaUnicode.WriteDString(field, "");
        Assert.All(field, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Timestamp_RoundTripsWithItsOffset()
    {
        var value = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.FromMinutes(-330)).AddTicks(1234560);
        var field = new byte[12];
        UdfTimestamp.Write(field, value);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(field) >> 12);
        Assert.Equal(value, UdfTimestamp.Read(field));
        Assert.Equal(value.Offset, UdfTimestamp.Read(field)!.Value.Offset);
    }

    [Fact]
    public void ContiguousExtents_SplitAtTheMaximumAndOnlyTheLastIsShort()
    {
        var extents = FileEntry.ContiguousExtents((3L << 30) + 5, 100);
        Assert.Equal(4, extents.Length);
        Assert.All(extents[..3], e => Assert.Equal(UdfConstants.MaxExtentLength, e.Length));
        Assert.Equal((3L << 30) + 5 - (3L * UdfConstants.MaxExtentLength), extents[3].Length);
        Assert.Equal(100u + (UdfConstants.MaxExtentLength / 2048), extents[1].Position);
    }

    /// <summary>CRC-ITU-T from its definition: divide by x^16 + x^12 + x^5 + 1, one bit at a time, initial 0.</summary>
    private static ushort BitByBitCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0;
        foreach (var b in bytes)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var top = ((crc >> 15) & 1) ^ ((b >> bit) & 1);
                crc = (crc << 1) & 0xFFFF;
                if (top != 0)
                {
                    crc ^= 0x1021;
                }
            }
        }

        return (ushort)crc;
    }
}
