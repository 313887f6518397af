namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The classes this library creates, with where their CLSIDs are defined.</summary>
internal static class ImapiClassIds
{
    /// <summary>CLSID_MSDiscMasterObj, IMAPI v1's disc master (imapi.h, Windows SDK).</summary>
    public static readonly Guid MSDiscMasterObj = new("520CCA63-51A5-11D3-9144-00104BA11C5E");

    /// <summary>CLSID_CDBurn, the shell's simple burner (shobjidl.h, Windows SDK).</summary>
    public static readonly Guid CDBurn = new("FBEB8A05-BEEE-4442-804E-409D6C4515E9");

    /// <summary>CLSID_MsftDiscMaster2 (imapi2.h, Windows SDK).</summary>
    public static readonly Guid MsftDiscMaster2 = new("2735412E-7F64-5B0F-8F00-5D77AFBE261E");

    /// <summary>CLSID_MsftDiscRecorder2 (imapi2.h, Windows SDK).</summary>
    public static readonly Guid MsftDiscRecorder2 = new("2735412D-7F64-5B0F-8F00-5D77AFBE261E");

    /// <summary>CLSID_MsftDiscFormat2Data (imapi2.h, Windows SDK).</summary>
    public static readonly Guid MsftDiscFormat2Data = new("2735412A-7F64-5B0F-8F00-5D77AFBE261E");

    /// <summary>CLSID_MsftDiscFormat2Erase (imapi2.h, Windows SDK).</summary>
    public static readonly Guid MsftDiscFormat2Erase = new("2735412B-7F64-5B0F-8F00-5D77AFBE261E");

    /// <summary>CLSID_MsftDiscFormat2TrackAtOnce (imapi2.h, Windows SDK).</summary>
    public static readonly Guid MsftDiscFormat2TrackAtOnce = new("27354129-7F64-5B0F-8F00-5D77AFBE261E");
}
