namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>enum burn_disc_status, values from libburn.h 1.5.4.</summary>
internal enum BurnDiscStatus
{
    Unready = 0,
    Blank = 1,
    Empty = 2,
    Appendable = 3,
    Full = 4,
    Ungrabbed = 5,
    Unsuitable = 6,
}
