@echo off
rem 市场监管大讲堂 离线安装（Windows）。不连接任何网络：软件包全部来自本安装包。
rem   双击 install.bat，或在命令提示符中：install.bat [目标文件夹]   首次安装（默认 %USERPROFILE%\scjg）
rem   install.bat --update [目标文件夹]   用新版安装包更新课程、法律文本和工具包；学员作答过的笔记本不会被覆盖
rem   install.bat --learner [目标文件夹]  学员电脑：不装教员版课程源文件（含答案和教案）
setlocal EnableExtensions
set "HERE=%~dp0"
set "HERE=%HERE:~0,-1%"
set "TAGS=@TAGS@"
set "UPDATE=0"
set "LEARNER="
set "TARGET="
:args
if "%~1"=="" goto args_done
if /i "%~1"=="--update" (set "UPDATE=1") else if /i "%~1"=="--learner" (set "LEARNER=--learner") else (set "TARGET=%~f1")
shift
goto args
:args_done
if not defined TARGET set "TARGET=%USERPROFILE%\scjg"
set "VENV=%TARGET%\.venv"

set "PY="
for %%V in (@VERSIONS@) do call :find_python %%V
if not defined PY (
  echo 没有找到本安装包适用的 Python（本包含：%TAGS%）。
  echo 请先安装 Python 3.11（见 README.md“没有 Python 时”），再运行本文件。
  goto failed
)

if exist "%VENV%\Scripts\python.exe" (
  echo 更新已安装的工具包：%TARGET%
) else (
  if "%UPDATE%"=="1" (
    echo %TARGET% 中没有已安装的工具包；首次安装请去掉 --update。
    goto failed
  )
  echo 安装到：%TARGET%
  if not exist "%TARGET%" mkdir "%TARGET%"
  %PY% -m venv "%VENV%" || goto failed
)

set PIP="%VENV%\Scripts\python.exe" -m pip --isolated --disable-pip-version-check install --no-index --require-hashes --no-warn-script-location --quiet --find-links "%HERE%\wheels\common" --find-links "%HERE%\wheels\%TAG%"
echo 安装软件包（离线，已安装且版本相同的会跳过）……
%PIP% -r "%HERE%\requirements\%TAG%.txt" || goto failed
%PIP% --no-deps --force-reinstall -r "%HERE%\requirements\scjg.txt" || goto failed
"%VENV%\Scripts\python.exe" -m scjg.bundle.sync "%HERE%" "%TARGET%" %LEARNER% || goto failed
echo.
pause
exit /b 0

rem Sets PY and TAG to the first Python of version %1 found: the py launcher, the default install folders, PATH.
:find_python
if defined PY exit /b 0
set "VER=%~1"
set "NODOT=%VER:.=%"
set "TAG=win_amd64-cp%NODOT%"
echo  %TAGS% | findstr /c:" %TAG%" >nul || exit /b 0
py -%VER% -c "import sys" >nul 2>&1 && (set "PY=py -%VER%" & exit /b 0)
for %%P in ("%LOCALAPPDATA%\Programs\Python\Python%NODOT%\python.exe" "%ProgramFiles%\Python%NODOT%\python.exe") do (
  if exist %%P (set PY=%%P& exit /b 0)
)
for /f "tokens=1,2 delims=." %%a in ("%VER%") do (
  python -c "import sys; sys.exit(sys.version_info[:2] != (%%a, %%b))" >nul 2>&1 && set "PY=python"
)
exit /b 0

:failed
echo.
echo 安装未完成，请查看上面的提示。
pause
exit /b 1
