; Venue Ops (考点考务) — Windows installer, Inno Setup 6.
;
; NOT BUILT OR TRIED HERE: the project's CI runs on Linux; this script has not been compiled or run
; on Windows yet. Build steps: docs/install.md ("Windows installer"). In short, on a Windows PC:
;   1. pyinstaller --noconfirm build.spec        → dist\venue-ops\ (venue-ops.exe, venue-ops-cli.exe)
;   2. put ChineseSimplified.isl (https://jrsoftware.org/files/istrans/) into Inno Setup's Languages\
;   3. iscc installer\windows\venue-ops.iss      → dist\installer\venue-ops-setup-<version>.exe
;
; Chinese first: Setup shows Simplified Chinese unless the PC's language is something else, then
; English. Start-menu entries: the program, its self-check, and the uninstaller.
;
; The venue's data is never removed by the uninstaller. It does not live under {app}:
;   %LOCALAPPDATA%\venue-ops\  settings.json, venue.sqlite (+ the safety copies), logs\, keys\
;   Windows Credential Locker   the venue's data keys (service "venue-ops")
; Inno Setup uninstalls only what it installed, and this script adds no [UninstallDelete] for those
; places, so a re-install or an upgrade finds the venue exactly as it was left.

#define AppName "Venue Ops"
#define AppVersion "0.1.0"
#define AppPublisher "Venue Ops"
#define AppExe "venue-ops.exe"
#define CliExe "venue-ops-cli.exe"
#define Bundle "..\..\dist\venue-ops"

[Setup]
; Keep this AppId for every release: it is how an upgrade finds the installed copy.
AppId={{6E0B7C52-3F0A-4C83-9C4B-7A1F0D2E8B41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\VenueOps
DefaultGroupName={cm:AppTitle}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=venue-ops-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppTitle}
; An upgrade must not overwrite files of a running desk.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=考点考务
english.AppTitle=Venue Ops
chinesesimplified.SelfCheck=考点考务 自检
english.SelfCheck=Venue Ops self-check
chinesesimplified.Uninstall=卸载考点考务（保留考点数据）
english.Uninstall=Uninstall Venue Ops (the venue's data is kept)
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.RunNow=立即运行考点考务（首次运行将进入设置向导）
english.RunNow=Run Venue Ops now (the first run opens the set-up wizard)
chinesesimplified.DataKept=考点数据（设置、数据库、日志、密钥）保存在 %LOCALAPPDATA%\venue-ops 和 Windows 凭据管理器中，卸载时不会删除。
english.DataKept=The venue's data (settings, database, logs, keys) is kept in %LOCALAPPDATA%\venue-ops and the Windows Credential Locker; uninstalling does not remove it.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle (Qt, OpenCV, zbar, translations, migrations, resources).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:SelfCheck}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --self-check"; WorkingDir: "{app}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:RunNow}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself writes under {app} (compiled caches); never the data folders above.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(ExpandConstant('{cm:DataKept}'), mbInformation, MB_OK);
end;
