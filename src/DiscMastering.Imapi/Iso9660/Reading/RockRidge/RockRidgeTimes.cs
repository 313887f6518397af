namespace DiscMastering.Imapi.Iso9660.Reading.RockRidge;

/// <summary>
/// The time stamps of a Rock Ridge TF entry (RRIP 1.12 4.1.6); each is null when the entry does not record
/// it. All come from one entry, in the short (7-byte) or the long (17-byte) form.
/// </summary>
public sealed record RockRidgeTimes
{
    /// <summary>When the file was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the file's data was last modified (st_mtime).</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>When the file was last accessed (st_atime).</summary>
    public DateTimeOffset? Accessed { get; init; }

    /// <summary>When the file's attributes last changed (st_ctime).</summary>
    public DateTimeOffset? AttributesChanged { get; init; }

    /// <summary>When the file was last backed up.</summary>
    public DateTimeOffset? Backup { get; init; }

    /// <summary>When the file expires.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>From when the file may be used.</summary>
    public DateTimeOffset? Effective { get; init; }
}
