namespace DiscMastering.Imapi.Recording;

/// <summary>What the media in a recorder allows.</summary>
[Flags]
public enum MediaFlags
{
    /// <summary>Nothing: no media, or media that can only be read.</summary>
    None = 0,

    /// <summary>Data can be written now (blank, appendable or overwritable media).</summary>
    Writable = 1,

    /// <summary>The media can be blanked and written again (CD-RW, DVD-RW, BD-RE, a pseudo-drive's file).</summary>
    Rewritable = 2,

    /// <summary>Nothing has been written yet.</summary>
    Blank = 4,

    /// <summary>Sessions have been written and another can follow.</summary>
    Appendable = 8,

    /// <summary>The disc is closed: no more sessions can be written.</summary>
    Closed = 16,
}
