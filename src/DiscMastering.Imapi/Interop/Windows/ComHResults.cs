namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The generic COM and structured-storage HRESULTs this code returns or tests for (winerror.h, Windows SDK).</summary>
internal static class ComHResults
{
    public const int S_OK = 0;
    public const int S_FALSE = 1;
    public const int E_NOTIMPL = unchecked((int)0x80004001);
    public const int E_NOINTERFACE = unchecked((int)0x80004002);
    public const int E_POINTER = unchecked((int)0x80004003);
    public const int E_FAIL = unchecked((int)0x80004005);
    public const int E_UNEXPECTED = unchecked((int)0x8000FFFF);
    public const int E_OUTOFMEMORY = unchecked((int)0x8007000E);
    public const int E_INVALIDARG = unchecked((int)0x80070057);

    /// <summary>IDispatch's refusals (winerror.h): no such member, no such name, wrong argument count.</summary>
    public const int DISP_E_MEMBERNOTFOUND = unchecked((int)0x80020003);
    public const int DISP_E_UNKNOWNNAME = unchecked((int)0x80020006);
    public const int DISP_E_BADPARAMCOUNT = unchecked((int)0x8002000E);

    /// <summary>The class is not registered: what CoCreateInstance answers where IMAPI is missing (and under Wine).</summary>
    public const int REGDB_E_CLASSNOTREG = unchecked((int)0x80040154);

    public const int STG_E_INVALIDFUNCTION = unchecked((int)0x80030001);
    public const int STG_E_FILENOTFOUND = unchecked((int)0x80030002);
    public const int STG_E_PATHNOTFOUND = unchecked((int)0x80030003);
    public const int STG_E_ACCESSDENIED = unchecked((int)0x80030005);
    public const int STG_E_INVALIDHANDLE = unchecked((int)0x80030006);
    public const int STG_E_INSUFFICIENTMEMORY = unchecked((int)0x80030008);
    public const int STG_E_INVALIDPOINTER = unchecked((int)0x80030009);
    public const int STG_E_SEEKERROR = unchecked((int)0x80030019);
    public const int STG_E_WRITEFAULT = unchecked((int)0x8003001D);
    public const int STG_E_READFAULT = unchecked((int)0x8003001E);
    public const int STG_E_INVALIDPARAMETER = unchecked((int)0x80030057);
    public const int STG_E_MEDIUMFULL = unchecked((int)0x80030070);
    public const int STG_E_INVALIDNAME = unchecked((int)0x800300FC);
    public const int STG_E_UNIMPLEMENTEDFUNCTION = unchecked((int)0x800300FE);
    public const int STG_E_INVALIDFLAG = unchecked((int)0x800300FF);
    public const int STG_E_REVERTED = unchecked((int)0x80030102);

    public static bool Failed(int hr) => hr < 0;

    /// <summary>The HRESULT a .NET exception stands for when it crosses back into COM.</summary>
    public static int FromException(Exception exception) => exception switch
    {
        FileNotFoundException => STG_E_FILENOTFOUND,
        DirectoryNotFoundException => STG_E_PATHNOTFOUND,
        UnauthorizedAccessException => STG_E_ACCESSDENIED,
        ObjectDisposedException => STG_E_REVERTED,
        NotSupportedException => STG_E_INVALIDFUNCTION,
        ArgumentException => STG_E_INVALIDPARAMETER,
        OutOfMemoryException => STG_E_INSUFFICIENTMEMORY,
        // A Windows I/O error keeps its own HRESULT (0x8007xxxx); any other I/O failure is a read fault.
        IOException io when (io.HResult & 0xFFFF0000) == 0x80070000 => io.HResult,
        IOException => STG_E_READFAULT,
        _ => exception.HResult < 0 ? exception.HResult : E_FAIL,
    };
}
