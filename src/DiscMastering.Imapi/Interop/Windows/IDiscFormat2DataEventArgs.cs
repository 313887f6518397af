using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// The progress argument of DDiscFormat2DataEvents::Update (imapi2.h, Windows SDK; IID 2735413D-7F64-5B0F-8F00-5D77AFBE261E):
/// IDispatch, IWriteEngine2EventArgs, then slots 14-17: get_ElapsedTime, get_RemainingTime, get_TotalTime, get_CurrentAction
/// (an IMAPI_FORMAT2_DATA_WRITE_ACTION).
/// </summary>
[GeneratedComInterface]
[Guid("2735413D-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscFormat2DataEventArgs : IWriteEngine2EventArgs
{
    /// <summary>IMAPI_FORMAT2_DATA_WRITE_ACTION (imapi2.h): 0 validating, 1 formatting, 2 initializing hardware, 3 calibrating power, 4 writing, 5 finalization, 6 completed, 7 verifying.</summary>
    public const int ActionWritingData = 4;
    public const int ActionFinalization = 5;
    public const int ActionCompleted = 6;
    public const int ActionVerifying = 7;

    [PreserveSig]
    int get_ElapsedTime(int* value);

    [PreserveSig]
    int get_RemainingTime(int* value);

    [PreserveSig]
    int get_TotalTime(int* value);

    [PreserveSig]
    int get_CurrentAction(int* value);
}
