namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>enum burn_drive_status, values from libburn.h 1.5.4.</summary>
internal enum BurnDriveStatus
{
    Idle = 0,
    Spawning = 1,
    Reading = 2,
    Writing = 3,
    WritingLeadIn = 4,
    WritingLeadOut = 5,
    Erasing = 6,
    Grabbing = 7,
    WritingPregap = 8,
    ClosingTrack = 9,
    ClosingSession = 10,
    Formatting = 11,
    ReadingSync = 12,
    WritingSync = 13,
}
