using System.Diagnostics;
using System.Text;

namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// Lays out one directory record's System Use entries: in the record while they fit its 255 bytes, otherwise
/// the first ones there, then a CE pointing at a continuation area that holds the rest (SUSP 1.12 5.1). The
/// layout measures with <see cref="Measure"/> and the writer renders with <see cref="Write"/>; both go through
/// <see cref="Plan"/>, so the sizes the layout gives are the bytes the writer writes.
/// </summary>
internal static class SystemUseBuilder
{
    /// <summary>SP, PX, TF, at most two NM pieces (names are at most 103 UTF-16 units, so 309 bytes), ER.</summary>
    private const int MaxEntries = 8;

    /// <summary>A record's length is one byte, and even (ECMA-119 9.1.1, 9.1.13).</summary>
    private const int MaxRecordLength = 254;

    /// <summary>Names up to this many UTF-8 bytes are encoded on the stack.</summary>
    private const int StackNameBytes = 512;

    private enum EntryType : byte
    {
        SharingProtocol,
        PosixAttributes,
        Timestamps,
        AlternateName,
        ExtensionReference,
    }

    /// <summary>Bytes of the System Use field in the record and in its continuation area.</summary>
    public static SystemUseSplit Measure(SystemUseRecordKind kind, int identifierLength, string name)
    {
        Span<byte> buffer = stackalloc byte[StackNameBytes];
        var utf8 = Encode(kind, name, buffer);
        Span<PlannedEntry> plan = stackalloc PlannedEntry[MaxEntries];
        var count = Plan(kind, utf8, plan);
        var (inlineCount, split) = Split(plan[..count], identifierLength);
        Debug.Assert(inlineCount > 0, "PX and TF always fit in the record");
        return split;
    }

    /// <summary>
    /// Renders the record's System Use field into <paramref name="inline"/> (empty: skip it) and its
    /// continuation area into <paramref name="continuation"/> (empty: skip it); the CE names
    /// <paramref name="continuationBlock"/> and <paramref name="continuationOffset"/>.
    /// </summary>
    public static void Write(
        SystemUseRecordKind kind,
        int identifierLength,
        string name,
        in PosixAttributes attributes,
        uint continuationBlock,
        int continuationOffset,
        Span<byte> inline,
        Span<byte> continuation)
    {
        Span<byte> buffer = stackalloc byte[StackNameBytes];
        var utf8 = Encode(kind, name, buffer);
        Span<PlannedEntry> plan = stackalloc PlannedEntry[MaxEntries];
        var count = Plan(kind, utf8, plan);
        var (inlineCount, split) = Split(plan[..count], identifierLength);
        if (!inline.IsEmpty)
        {
            var at = 0;
            for (var i = 0; i < inlineCount; i++)
            {
                at += WriteEntry(plan[i], utf8, attributes, inline[at..]);
            }

            if (split.ContinuationLength > 0)
            {
                ContinuationEntry.WriteTo(inline[at..], continuationBlock, (uint)continuationOffset, (uint)split.ContinuationLength);
            }
        }

        if (!continuation.IsEmpty)
        {
            var at = 0;
            for (var i = inlineCount; i < count; i++)
            {
                at += WriteEntry(plan[i], utf8, attributes, continuation[at..]);
            }
        }
    }

    /// <summary>The name's UTF-8 bytes when the record carries one (an NM entry), else empty.</summary>
    private static ReadOnlySpan<byte> Encode(SystemUseRecordKind kind, string name, Span<byte> buffer)
    {
        if (kind != SystemUseRecordKind.Entry)
        {
            return [];
        }

        var length = Encoding.UTF8.GetByteCount(name);
        var destination = length <= buffer.Length ? buffer : new byte[length];
        return destination[..Encoding.UTF8.GetBytes(name, destination)];
    }

    /// <summary>The record's entries in order, NM split into pieces; returns how many.</summary>
    private static int Plan(SystemUseRecordKind kind, ReadOnlySpan<byte> name, Span<PlannedEntry> plan)
    {
        var count = 0;
        if (kind == SystemUseRecordKind.RootSelf)
        {
            plan[count++] = new(EntryType.SharingProtocol, SharingProtocolEntry.Length);
        }

        plan[count++] = new(EntryType.PosixAttributes, PosixAttributesEntry.Length);
        plan[count++] = new(EntryType.Timestamps, TimestampsEntry.Length);
        if (kind == SystemUseRecordKind.Entry)
        {
            var start = 0;
            do
            {
                var piece = AlternateNameEntry.NextPieceLength(name[start..]);
                if (count == plan.Length - 1)
                {
                    throw new ArgumentException("a name too long for Rock Ridge reached the layout; the tree limits names to Joliet's length.", nameof(name));
                }

                plan[count++] = new(EntryType.AlternateName, AlternateNameEntry.FixedLength + piece, start, piece, start + piece < name.Length);
                start += piece;
            }
            while (start < name.Length);
        }

        if (kind == SystemUseRecordKind.RootSelf)
        {
            plan[count++] = new(EntryType.ExtensionReference, ExtensionReferenceEntry.Length);
        }

        return count;
    }

    /// <summary>
    /// How many entries stay in the record. All of them when they fit; otherwise as many as fit before a CE,
    /// in order, and the rest go to the continuation area.
    /// </summary>
    private static (int InlineCount, SystemUseSplit Split) Split(ReadOnlySpan<PlannedEntry> plan, int identifierLength)
    {
        var room = MaxRecordLength - DirectoryRecord.SystemUseOffset(identifierLength);
        var total = 0;
        foreach (var entry in plan)
        {
            total += entry.Length;
        }

        if (total <= room)
        {
            return (plan.Length, new SystemUseSplit(total, 0));
        }

        var budget = room - ContinuationEntry.Length;
        var inline = 0;
        var inlineCount = 0;
        while (inlineCount < plan.Length && inline + plan[inlineCount].Length <= budget)
        {
            inline += plan[inlineCount++].Length;
        }

        return (inlineCount, new SystemUseSplit(inline + ContinuationEntry.Length, total - inline));
    }

    private static int WriteEntry(in PlannedEntry entry, ReadOnlySpan<byte> name, in PosixAttributes attributes, Span<byte> destination) => entry.Type switch
    {
        EntryType.SharingProtocol => SharingProtocolEntry.WriteTo(destination),
        EntryType.PosixAttributes => PosixAttributesEntry.WriteTo(destination, attributes.Mode, attributes.Links, attributes.SerialNumber),
        EntryType.Timestamps => TimestampsEntry.WriteTo(destination, attributes.Modified),
        EntryType.AlternateName => AlternateNameEntry.WriteTo(destination, name.Slice(entry.NameStart, entry.NameLength), entry.Continues),
        _ => ExtensionReferenceEntry.WriteTo(destination),
    };

    private readonly record struct PlannedEntry(EntryType Type, int Length, int NameStart = 0, int NameLength = 0, bool Continues = false);
}
