/*
 * The shell's ICDBurn (shobjidl.h, Windows SDK): the recordable drive's letter, and "burning" the
 * staging area.
 */
#include "fake_com.h"

static const GUID* const s_cdburn_iids[] = { &IID_ICDBurn, NULL };
static const fake_class s_cdburn_class = { "ICDBurn", s_cdburn_iids, NULL };

/* cch counts the characters of pszDrive, its NUL included. */
static HRESULT GetRecorderDriveLetter(void* self, OLECHAR* drive, uint32_t cch)
{
    (void)self;
    FAKE_ENTER("ICDBurn::GetRecorderDriveLetter");
    const char* letter = FAKE_DRIVE;
    uint32_t n = 0;
    while (letter[n] != 0)
        n++;
    if (drive == NULL)
        return E_POINTER;
    if (cch < n + 1)
        return E_INVALIDARG;
    for (uint32_t i = 0; i <= n; i++)
        drive[i] = (unsigned char)letter[i];
    return S_OK;
}

static HRESULT Burn(void* self, void* hwnd)
{
    (void)self, (void)hwnd;
    FAKE_ENTER("ICDBurn::Burn");
    g_fake.burns++;
    return S_OK;
}

/* BOOL is a 32-bit int (windef.h). */
static HRESULT HasRecordableDrive(void* self, int32_t* has_recorder)
{
    (void)self;
    FAKE_ENTER("ICDBurn::HasRecordableDrive");
    if (has_recorder == NULL)
        return E_POINTER;
    *has_recorder = 1;
    return S_OK;
}

/* ICDBurn's vtable: shobjidl.h, Windows SDK order. */
static const fake_fn s_cdburn_vtbl[] = {
    FAKE_IUNKNOWN_SLOTS, FN(GetRecorderDriveLetter), FN(Burn), FN(HasRecordableDrive),
};

HRESULT fake_new_cdburn(void** out)
{
    *out = fake_object_new(sizeof(fake_object), s_cdburn_vtbl, &s_cdburn_class);
    return *out != NULL ? S_OK : E_OUTOFMEMORY;
}
