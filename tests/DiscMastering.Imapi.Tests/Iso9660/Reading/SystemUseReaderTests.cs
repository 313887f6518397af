using System.Buffers.Binary;
using System.Text;
using DiscMastering.Imapi.Iso9660.Reading.RockRidge;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>The entry forms genisoimage and xorriso do not write: NM and SL continued, PX of RRIP 1.10, TF in the long form.</summary>
public sealed class SystemUseReaderTests
{
    private static readonly SystemUseReader s_reader = new((_, _) => throw new InvalidOperationException("no continuation area expected"), "test.iso", 1 << 20, 2048);

    [Fact]
    public void NameContinuedOverTwoEntriesIsOneName()
    {
        // RRIP 1.12 4.1.4: the first NM has CONTINUE (1); the name is the two pieces joined, trailing space kept.
        var fields = Read(Entry("NM", [0x01, .. "Trail"u8]), Entry("NM", [0x00, .. "ing "u8]));

        Assert.Equal("Trailing ", fields.Name);
    }

    [Fact]
    public void CurrentAndParentFlagsNameTheEntry()
    {
        Assert.Equal(".", Read(Entry("NM", [0x02])).Name);
        Assert.Equal("..", Read(Entry("NM", [0x04])).Name);
    }

    [Fact]
    public void ShortPosixEntryHasNoSerialNumber()
    {
        // RRIP 1.10's PX: 36 bytes, mode, links, uid and gid in both byte orders.
        var fields = Read(Entry("PX", [.. Both(0x41ED), .. Both(3), .. Both(1000), .. Both(100)]));

        Assert.Equal(new PosixAttributes(0x41ED, 3, 1000, 100, null), fields.Posix);
        Assert.Equal("drwxr-xr-x", fields.Posix!.Symbolic);
        Assert.Equal("40755", fields.Posix.Octal);
    }

    [Fact]
    public void LongPosixEntryHasItsSerialNumber()
    {
        var fields = Read(Entry("PX", [.. Both(0x81A4 | 0x800), .. Both(1), .. Both(0), .. Both(0), .. Both(77)]));

        Assert.Equal(77u, fields.Posix!.SerialNumber);
        Assert.Equal("-rwSr--r--", fields.Posix.Symbolic);
    }

    [Fact]
    public void LongFormTimesFollowTheFlagsOrder()
    {
        // RRIP 1.12 4.1.6: LONG_FORM (0x80) with MODIFY (2) and ATTRIBUTES (8): two 17-byte stamps, modify first.
        var fields = Read(Entry("TF", [0x80 | 0x02 | 0x08, .. LongDate("20240102030405", 4), .. LongDate("19991231235959", -8)]));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), fields.Times!.Modified);
        Assert.Equal(new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(-2)), fields.Times.AttributesChanged);
        Assert.Null(fields.Times.Accessed);
        Assert.Null(fields.Times.Created);
    }

    [Fact]
    public void ShortFormTimesFollowTheFlagsOrder()
    {
        // CREATION (1) and ACCESS (4), 7 bytes each (ECMA-119 9.1.5): years since 1900, month, day, h, m, s, offset.
        var fields = Read(Entry("TF", [0x01 | 0x04, 124, 6, 30, 12, 0, 1, 0, 100, 1, 1, 0, 0, 0, 0]));

        Assert.Equal(new DateTimeOffset(2024, 6, 30, 12, 0, 1, TimeSpan.Zero), fields.Times!.Created);
        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), fields.Times.Accessed);
        Assert.Null(fields.Times.Modified);
    }

    [Fact]
    public void TimesPastTheEntryAreDM2040()
    {
        var error = Assert.Throws<DiscMasteringException>(() => Read(Entry("TF", [0x80 | 0x02 | 0x04, .. LongDate("20240102030405", 0)])));

        Assert.Equal(DiscMasteringError.DamagedRockRidge, error.Error);
    }

    [Fact]
    public void LinkComponentsAndEntriesJoinIntoOneTarget()
    {
        // RRIP 1.12 4.1.3.1: ROOT (8), "usr", "li" continued (1) by "b" in the next SL entry, then PARENT (4).
        var fields = Read(
            Entry("SL", [0x01, 0x08, 0, 0, 3, .. "usr"u8, 0x01, 2, .. "li"u8]),
            Entry("SL", [0x00, 0, 1, .. "b"u8, 0x04, 0, 0x02, 0]));

        Assert.Equal("/usr/lib/../.", fields.LinkTarget);
    }

    [Fact]
    public void LinkComponentPastItsEntryIsDM2040()
    {
        var error = Assert.Throws<DiscMasteringException>(() => Read(Entry("SL", [0x00, 0x00, 9, .. "usr"u8])));

        Assert.Equal(DiscMasteringError.DamagedRockRidge, error.Error);
        Assert.Contains("SL entry", error.Message);
    }

    [Fact]
    public void RelocationEntriesAreRead()
    {
        var fields = Read(Entry("CL", Both(1234)), Entry("RE", []), Entry("PL", Both(99)));

        Assert.Equal(1234u, fields.ChildLink);
        Assert.Equal(99u, fields.ParentLink);
        Assert.True(fields.IsRelocated);
    }

    [Fact]
    public void EntriesAfterSTAreNotRead()
    {
        var fields = Read(Entry("NM", [0, .. "kept"u8]), Entry("ST", []), Entry("NM", [0, .. "ignored"u8]));

        Assert.Equal("kept", fields.Name);
    }

    [Fact]
    public void SkipLengthSkipsTheBytesBeforeTheEntries()
    {
        var record = Record([0xAA, 0xBB, .. Entry("NM", [0, .. "after skip"u8])]);

        Assert.Equal("after skip", s_reader.Read(record, skip: 2, "the test record").Name);
    }

    private static RockRidgeRecord Read(params byte[][] entries) => s_reader.Read(Record([.. entries.SelectMany(e => e)]), skip: 0, "the test record");

    /// <summary>A directory record for a file named "A" (ECMA-119 9.1) whose System Use field holds <paramref name="systemUse"/>.</summary>
    private static byte[] Record(byte[] systemUse)
    {
        var record = new byte[34 + systemUse.Length + (systemUse.Length % 2)];
        record[0] = (byte)record.Length;
        record[32] = 1;
        record[33] = (byte)'A';
        systemUse.CopyTo(record, 34);
        return record;
    }

    private static byte[] Entry(string signature, byte[] data) => [.. Encoding.ASCII.GetBytes(signature), (byte)(4 + data.Length), 1, .. data];

    private static byte[] Both(uint value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), value);
        return bytes;
    }

    /// <summary>ECMA-119 8.4.26.1: 16 digits (the last two hundredths of a second), then the offset in 15-minute units.</summary>
    private static byte[] LongDate(string digits, sbyte quarterHours) => [.. Encoding.ASCII.GetBytes(digits + "00"), (byte)quarterHours];
}
