using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A structured-storage folder (objidl.h, Windows SDK; IID 0000000B-0000-0000-C000-000000000046). Names are
/// const OLECHAR* (UTF-16, NUL-terminated); interface pointers are raw so ownership stays explicit.
/// </summary>
[GeneratedComInterface]
[Guid("0000000B-0000-0000-C000-000000000046")]
internal unsafe partial interface IStorage
{
    [PreserveSig]
    int CreateStream(char* pwcsName, uint grfMode, uint reserved1, uint reserved2, nint* ppstm);

    [PreserveSig]
    int OpenStream(char* pwcsName, nint reserved1, uint grfMode, uint reserved2, nint* ppstm);

    [PreserveSig]
    int CreateStorage(char* pwcsName, uint grfMode, uint reserved1, uint reserved2, nint* ppstg);

    [PreserveSig]
    int OpenStorage(char* pwcsName, nint pstgPriority, uint grfMode, nint snbExclude, uint reserved, nint* ppstg);

    [PreserveSig]
    int CopyTo(uint ciidExclude, Guid* rgiidExclude, nint snbExclude, nint pstgDest);

    [PreserveSig]
    int MoveElementTo(char* pwcsName, nint pstgDest, char* pwcsNewName, uint grfFlags);

    [PreserveSig]
    int Commit(uint grfCommitFlags);

    [PreserveSig]
    int Revert();

    [PreserveSig]
    int EnumElements(uint reserved1, nint reserved2, uint reserved3, nint* ppenum);

    [PreserveSig]
    int DestroyElement(char* pwcsName);

    [PreserveSig]
    int RenameElement(char* pwcsOldName, char* pwcsNewName);

    [PreserveSig]
    int SetElementTimes(char* pwcsName, FILETIME* pctime, FILETIME* patime, FILETIME* pmtime);

    [PreserveSig]
    int SetClass(Guid* clsid);

    [PreserveSig]
    int SetStateBits(uint grfStateBits, uint grfMask);

    [PreserveSig]
    int Stat(STATSTG* pstatstg, uint grfStatFlag);
}
