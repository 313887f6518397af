namespace DiscMastering.Imapi.Redbook;

/// <summary>The playing time an audio CD's tracks must fit.</summary>
public enum AudioMedia
{
    /// <summary>74 minutes: 333,000 sectors, the 2-second lead included.</summary>
    Cd74,

    /// <summary>80 minutes: 360,000 sectors, the 2-second lead included.</summary>
    Cd80,
}
