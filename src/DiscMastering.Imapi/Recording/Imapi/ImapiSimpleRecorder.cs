using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>Reads the shell's simple burner through ICDBurn (shobjidl.h), as the original wrapper's SimpleDiscRecorder did.</summary>
internal static unsafe class ImapiSimpleRecorder
{
    /// <summary>A drive letter and its root: "E:\" and the terminating zero.</summary>
    private const int DriveLetterLength = 4;

    /// <summary>The simple recorder, or null where the shell's burner class is not registered or does not answer.</summary>
    public static SimpleDiscRecorder? Read(IComActivator activator)
    {
        if (activator.CreateInstance(ImapiClassIds.CDBurn, typeof(ICDBurn).GUID, out var pointer) < 0 || pointer == 0)
        {
            return null;
        }

        var burn = ComObjects.Take<ICDBurn>(pointer);
        try
        {
            int hasRecorder;
            if (burn.HasRecordableDrive(&hasRecorder) < 0)
            {
                return null;
            }

            string? driveLetter = null;
            if (hasRecorder != 0)
            {
                var letter = stackalloc char[DriveLetterLength];
                if (burn.GetRecorderDriveLetter(letter, DriveLetterLength) >= 0)
                {
                    driveLetter = new string(letter);
                }
            }

            var staging = OperatingSystem.IsWindows() ? Shell32.KnownFolderPath(Shell32.CdBurningFolder) : null;
            return new SimpleDiscRecorder(hasRecorder != 0, driveLetter, staging);
        }
        finally
        {
            ComObjects.Release(burn);
        }
    }
}
