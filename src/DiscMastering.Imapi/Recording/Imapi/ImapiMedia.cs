namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>IMAPI v1's media answers (QueryMediaType, QueryMediaInfo) as <see cref="MediaDetails"/>.</summary>
internal static class ImapiMedia
{
    /// <summary>MEDIA_FLAGS (imapi.h, Windows SDK).</summary>
    public const int MediaBlank = 0x1;
    public const int MediaRw = 0x2;
    public const int MediaWritable = 0x4;
    public const int MediaFormatUnusableByImapi = 0x8;

    /// <summary>
    /// The details for media type <paramref name="mediaType"/> (MEDIA_TYPES, imapi.h: 1 CD-DA/CD-ROM, 2 CD-ROM XA, 3 CD-i,
    /// 4 CD Extra, 5 other, 6 special; 0 means no media) and flags <paramref name="mediaFlags"/>. IMAPI v1 knows CDs
    /// only, so the profile is CD-ROM (0x08), CD-R (0x09) or CD-RW (0x0A).
    /// </summary>
    public static MediaDetails Details(int mediaType, int mediaFlags, int sessions, int lastTrack, long startAddress, long nextWritable, long freeBlocks)
    {
        if (mediaType == 0)
        {
            return MediaDetails.None;
        }

        var blank = (mediaFlags & MediaBlank) != 0;
        var rewritable = (mediaFlags & MediaRw) != 0;
        var unusable = (mediaFlags & MediaFormatUnusableByImapi) != 0;
        var writable = !unusable && (blank || (mediaFlags & MediaWritable) != 0);
        var flags = MediaFlags.None;
        if (writable)
        {
            flags |= MediaFlags.Writable;
        }

        if (rewritable)
        {
            flags |= MediaFlags.Rewritable;
        }

        if (blank)
        {
            flags |= MediaFlags.Blank;
        }
        else if (writable)
        {
            flags |= MediaFlags.Appendable;
        }
        else if (!unusable)
        {
            flags |= MediaFlags.Closed;
        }

        var recordable = rewritable || blank || (mediaFlags & MediaWritable) != 0;
        var kind = rewritable ? "CD-RW" : recordable ? "CD-R" : "CD-ROM";
        var content = blank ? null : mediaType switch
        {
            1 => "CD-DA or CD-ROM",
            2 => "CD-ROM XA",
            3 => "CD-i",
            4 => "CD Extra",
            5 => "other format",
            6 => "special format",
            _ => "unknown format",
        };
        return new MediaDetails
        {
            MediaPresent = true,
            Sessions = sessions,
            LastTrack = lastTrack,
            StartAddress = startAddress,
            NextWritable = writable ? nextWritable : 0,
            FreeBlocks = writable ? freeBlocks : 0,
            MediaType = content is null ? kind : $"{kind} ({content})",
            Profile = rewritable ? 0x0A : recordable ? 0x09 : 0x08,
            Flags = flags,
        };
    }
}
