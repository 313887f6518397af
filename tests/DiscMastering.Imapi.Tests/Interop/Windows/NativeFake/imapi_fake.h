/*
 * A native fake of the Windows Image Mastering API (IMAPI v1, IMAPI2) and the shell's ICDBurn,
 * with the real COM binary layout, so the Windows backend can be tested on Linux.
 *
 * Every object starts with a pointer to its vtable; the vtable holds IUnknown's three slots, then
 * (for the IMAPI2 dual interfaces) IDispatch's four, then the interface's methods in the order of
 * the Windows SDK headers (imapi.h, imapi2.h, shobjidl.h, propidl.h). Strings are UTF-16; BSTRs are
 * allocated the way the .NET runtime does on Unix, so Marshal.FreeBSTR frees them.
 *
 * The simulated recorder: vendor "FAKEVEND", product "IMAPI FAKE RW", revision "1.00",
 * path "\\?\fake#cdrom#0" (also its IMAPI2 unique id), drive letter "F:\", a blank CD-R of
 * 359,847 blocks (80 minutes) after fake_reset.
 */
#ifndef IMAPI_FAKE_H
#define IMAPI_FAKE_H

#include <stdint.h>

#define FAKE_EXPORT __attribute__((visibility("default")))

typedef int32_t HRESULT;
typedef struct fake_guid {
    uint32_t data1;
    uint16_t data2;
    uint16_t data3;
    uint8_t data4[8];
} GUID;

#ifdef __cplusplus
extern "C" {
#endif

/* CoCreateInstance-shaped: REGDB_E_CLASSNOTREG (0x80040154) for an unknown CLSID, E_NOINTERFACE
 * when the class has no such interface. Classes: MSDiscMasterObj, MSDiscRecorderObj,
 * MSEnumDiscRecordersObj, CDBurn, MsftDiscMaster2, MsftDiscRecorder2, MsftDiscFormat2Data,
 * MsftDiscFormat2Erase, MsftDiscFormat2TrackAtOnce. */
FAKE_EXPORT HRESULT fake_create_instance(const GUID* clsid, const GUID* iid, void** ppv);

/* Forgets everything (calls, failures, staged files, written bytes, counters, locks) and puts a blank
 * CD-R in a fresh recorder. Objects still alive are no longer counted; they stay usable memory. */
FAKE_EXPORT void fake_reset(void);

/* Objects created and not yet released to zero. */
FAKE_EXPORT int fake_live_objects(void);

/* The sum of the reference counts of the live objects. */
FAKE_EXPORT int fake_outstanding_references(void);

/* Objects whose reference count reached zero and which were freed. */
FAKE_EXPORT int fake_released_objects(void);

/* From now on the method named "Interface::Method" (e.g. "IDiscMaster::Open") returns hr without
 * doing anything; hr 0 clears it. IUnknown's and IDispatch's methods cannot be made to fail. */
FAKE_EXPORT void fake_fail(const char* method, HRESULT hr);

/* The calls received so far, "Interface::Method\n" each (IUnknown's and IDispatch's methods are not
 * logged), as a NUL-terminated string cut to size; returns the length needed, without the NUL. */
FAKE_EXPORT int fake_call_log(char* buffer, int size);

/* 1 between a successful IDiscMaster::Open and its Close (or the master's final Release). */
FAKE_EXPORT int fake_master_is_open(void);

/* The medium in the drive: 0 none, 1 blank CD-R, 2 closed (full) CD-R, 3 appendable CD-R with 2
 * sessions, 4 CD-RW holding data (closed), 5 blank CD-RW (what erasing a CD-RW leaves). */
FAKE_EXPORT void fake_set_media(int kind);

/* The IMAPI2 exclusive lock: with an owner, IDiscRecorder2::AcquireExclusiveAccess (and
 * IDiscFormat2Data::Write) fail with E_IMAPI_RECORDER_LOCKED and get_ExclusiveAccessOwner returns
 * owner (UTF-16, NUL-terminated); NULL unlocks. */
FAKE_EXPORT void fake_lock_recorder(const uint16_t* owner);

/* Bytes the last IDiscFormat2Data::Write received (so far, while it runs). */
FAKE_EXPORT long long fake_written_length(void);

/* Copies up to count of those bytes from offset into buffer; returns how many were copied. */
FAKE_EXPORT int fake_read_written(unsigned char* buffer, long long offset, int count);

/* The files IJolietDiscMaster::AddData staged: "path\tsize\tchecksum\n" per file in the order they
 * were read; path is relative to the storage given, components joined with '\', in UTF-8; checksum
 * is the FNV-1a 32-bit hash of the bytes, as 8 lower-case hex digits. NUL-terminated, cut to size;
 * returns the length needed, without the NUL. */
FAKE_EXPORT int fake_staged_files(char* buffer, int size);

/* Audio tracks closed so far: IRedbookDiscMaster::CloseAudioTrack plus the tracks
 * IDiscFormat2TrackAtOnce::AddAudioTrack wrote. */
FAKE_EXPORT int fake_audio_tracks(void);

/* How many times the fake called the progress sink's method, e.g. "NotifyBlockProgress" or
 * "QueryCancel" (IDiscMasterProgressEvents), or "Update" (IMAPI2's DDiscFormat2DataEvents, fired by
 * IDiscFormat2Data::Write to the sink advised on its connection point). */
FAKE_EXPORT int fake_progress_calls(const char* method);

/* Burns done: IDiscMaster::RecordDisc that completed (simulated ones included) plus ICDBurn::Burn. */
FAKE_EXPORT int fake_burn_count(void);

/* IDiscRecorder::Erase calls that blanked the medium, fast ones (full 0) or full ones (full 1). */
FAKE_EXPORT int fake_erase_count(int full);

/* 1 while an IMAPI v1 recorder is opened with IDiscRecorder::OpenExclusive. */
FAKE_EXPORT int fake_recorder_is_open(void);

#ifdef __cplusplus
}
#endif

#endif
