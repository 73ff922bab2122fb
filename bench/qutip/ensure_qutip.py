"""Installs Debian's python3-qutip (QuTiP 4.7) for /usr/bin/python3 when it is missing: one place for
the bench scripts (compare.py, crosscheck.py)."""
import importlib.util
import os
import subprocess
import sys


def ensure_qutip(who):
    if importlib.util.find_spec("qutip") is not None:
        return
    print("%s: installing Debian's python3-qutip ..." % who, file=sys.stderr)
    apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq", "python3-qutip"]
    if subprocess.run(install, env=apt_env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=apt_env, stdout=subprocess.DEVNULL)
        if subprocess.run(install, env=apt_env, stdout=subprocess.DEVNULL).returncode != 0:
            sys.exit("%s: could not install python3-qutip (needs root and Debian's package archive); "
                     "install it for /usr/bin/python3 and run again" % who)
