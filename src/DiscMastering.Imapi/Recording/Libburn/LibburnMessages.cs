using System.Text;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// libburn's message queue: libburn is told to queue its messages and print none, and the backend turns what it
/// queued into the sentences of its exceptions. The queue is process-wide, so each operation empties it first.
/// </summary>
internal static unsafe class LibburnMessages
{
    /// <summary>
    /// What libburn queues: DEBUG and above, because the end of a write thread is announced only at DEBUG
    /// (<see cref="WriteThreadEnded"/>). Every operation drains the queue, so it stays short.
    /// </summary>
    public const string QueueSeverity = "DEBUG";

    /// <summary>
    /// "Write thread on drive N ended" (libburn's async.c, code 0x00020178): the last thing libburn's write thread does
    /// before it forgets the disc. The drive may report idle earlier, after a cancel even while that thread still reads.
    /// </summary>
    public const int WriteThreadEnded = 0x00020178;

    /// <summary>Forgets whatever earlier operations left in the queue.</summary>
    public static void Discard() => Drain(into: null);

    /// <summary>Takes every queued message, oldest first.</summary>
    public static List<LibburnMessage> Drain()
    {
        var messages = new List<LibburnMessage>();
        Drain(messages);
        return messages;
    }

    /// <summary>Takes every queued message into <paramref name="into"/>, or drops them when it is null.</summary>
    public static void Drain(List<LibburnMessage>? into)
    {
        var text = stackalloc byte[LibburnInterop.MessageLength];
        var severity = stackalloc byte[LibburnInterop.SeverityLength];
        while (LibburnInterop.MessagesObtain("ALL", out var code, text, out var osErrno, severity) > 0)
        {
            into?.Add(new LibburnMessage(CString(severity, LibburnInterop.SeverityLength), code, osErrno, CString(text, LibburnInterop.MessageLength)));
        }
    }

    /// <summary>
    /// libburn's explanation of a failure: its error messages, or failing those its warnings and notes, joined into
    /// one sentence; <paramref name="fallback"/> when it said nothing.
    /// </summary>
    public static string Explain(IReadOnlyCollection<LibburnMessage> messages, string fallback = "libburn gave no reason")
    {
        var chosen = messages.Where(m => m.IsError).ToList();
        if (chosen.Count == 0)
        {
            chosen = messages.Where(m => m.Severity is "WARNING" or "NOTE").ToList();
        }

        var texts = chosen.Select(m => m.Text.Trim().TrimEnd('.')).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return texts.Count == 0 ? fallback : string.Join("; ", texts);
    }

    /// <summary>A NUL-terminated string from a fixed buffer; libburn's texts are UTF-8 or ASCII.</summary>
    public static string CString(byte* chars, int capacity)
    {
        var span = new ReadOnlySpan<byte>(chars, capacity);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
