; Inno Setup 6.3+ script: the StockDesk installer for Windows 10/11 (x64).
; Built by `python packaging/build.py` on Windows, which runs:
;   ISCC /DSourceDir=<repo>\dist\StockDesk /DOutputDir=<repo>\dist /DAppVersion=<version> packaging\windows\stockdesk.iss
; and, when STOCKDESK_SIGN_PFX is set, adds /DSIGN "/Sstockdesk=signtool sign ... $f" so that the program,
; the uninstaller and the installer are all signed.
;
; Installs per user without administrator rights (into %LOCALAPPDATA%\Programs\StockDesk); the owner may
; choose "for all users" in the first dialog, which then asks for administrator rights.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required (x64compatible architecture identifiers)
#endif

#define AppName "StockDesk"
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\..\dist\StockDesk"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#define AppExe SourceDir + "\StockDesk.exe"
#if !FileExists(AppExe)
  #error StockDesk.exe not found: build the bundle first (python packaging/build.py --no-package)
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#endif
#define Icon AddBackslash(SourcePath) + "..\..\resources\icons\stockdesk.ico"

#ifdef SIGN
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{EE232DE5-8C10-4825-8040-2DAEC4A6A2FF}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#GetVersionNumbersString(AppExe)}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\StockDesk.exe
#if FileExists(Icon)
SetupIconFile={#Icon}
#endif
#ifdef SIGN
SignTool=stockdesk
SignedUninstaller=yes
#endif

[Languages]
; Russian first: it is also the fallback for owners whose Windows speaks another language.
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.DeleteDataPrompt=Удалить также данные StockDesk — базу остатков, настройки и сохранённые ключи доступа к Эвотор и площадкам?%n%n%1%n%nЕсли вы собираетесь установить StockDesk снова, нажмите «Нет»: всё сохранится.
en.DeleteDataPrompt=Also delete StockDesk's data — the stock database, settings and the saved Evotor and sales-channel access tokens?%n%n%1%n%nIf you are going to install StockDesk again, choose "No": everything will be kept.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files an older version had and this one does not must go,
; or Python would import stale modules.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*.exe"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#SourceDir}\*"; Excludes: "\*.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\StockDesk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\StockDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\StockDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  CRED_TYPE_GENERIC = 1;
  KeyringService = 'StockDesk';

function CredDelete(TargetName: String; CredType: DWORD; Flags: DWORD): BOOL;
  external 'CredDeleteW@advapi32.dll stdcall';

{ python-keyring (stockdesk/secrets.py) keeps the first token under the target "StockDesk" and the
  others as "<name>@StockDesk"; the names are those of Secrets: evotor, yandex, moysklad, imshop. }
procedure DeleteToken(Name: String);
begin
  CredDelete(Name + '@' + KeyringService, CRED_TYPE_GENERIC, 0);
end;

procedure DeleteSavedTokens;
begin
  CredDelete(KeyringService, CRED_TYPE_GENERIC, 0);
  DeleteToken('evotor');
  DeleteToken('yandex');
  DeleteToken('moysklad');
  DeleteToken('imshop');
end;

{ The owner's data lives where platformdirs.user_data_dir('StockDesk', False) puts it: %LOCALAPPDATA%\StockDesk.
  It is kept unless the owner says otherwise; a silent uninstall always keeps it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\StockDesk');
    if DirExists(DataDir) and
       (MsgBox(FmtMessage(CustomMessage('DeleteDataPrompt'), [DataDir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(DataDir, True, True, True);
      DeleteSavedTokens;
    end;
  end;
end;
