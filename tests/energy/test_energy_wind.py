"""Wind turbine output with windpowerlib's shipped turbine library (offline)."""

from __future__ import annotations

import numpy as np
import pytest

from eipkit.energy import EnergyInputError, turbine_types, wind_profile


def test_turbine_library_ships_offline() -> None:
    table = turbine_types()
    assert table.height > 50
    assert "E-82/2350" in table["turbine_type"].to_list()


def test_constant_hourly_wind_gives_the_power_curve_value() -> None:
    """A constant 8 m/s at hub height gives the E-82/2350 power-curve value at 8 m/s every hour
    (OpenEnergy Database curve shipped with windpowerlib)."""
    from windpowerlib import WindTurbine

    curve = WindTurbine(hub_height=100.0, turbine_type="E-82/2350").power_curve
    expected = float(curve.loc[curve["wind_speed"] == 8.0, "value"].iloc[0]) / 1000.0
    w = wind_profile("E-82/2350", 100.0, np.full(8760, 8.0))
    assert w.output == pytest.approx(np.full(8760, expected))
    assert w.annual_energy == pytest.approx(expected * 8.76)
    assert w.settings["mode"] == "hourly"


def test_hellman_height_correction() -> None:
    """v(100 m) = v(10 m) x 10^(1/7) = 1.3895 v(10 m)."""
    w = wind_profile("E-82/2350", 100.0, np.full(8760, 5.0), measurement_height=10.0)
    assert w.hub_wind_speed == pytest.approx(5.0 * 10 ** (1 / 7))


def test_weibull_energy_grows_with_the_mean_speed() -> None:
    energies = [wind_profile("E-82/2350", 100.0, v).annual_energy for v in (4.0, 5.5, 7.0, 8.5)]
    assert energies == sorted(energies)
    w = wind_profile("E-82/2350", 100.0, 7.0)
    assert 0.0 < w.capacity_factor < 1.0
    assert w.capacity == pytest.approx(2350.0)
    assert np.allclose(w.output, w.output[0])  # flat expectation without a series
    assert any("expected value" in n for n in w.notes)


def test_wind_input_errors() -> None:
    with pytest.raises(EnergyInputError, match="no default wind speeds"):
        wind_profile("E-82/2350", 100.0, None)
    with pytest.raises(EnergyInputError, match="unknown turbine_type"):
        wind_profile("X-1/1", 100.0, 6.0)
    with pytest.raises(EnergyInputError, match=">= 0"):
        wind_profile("E-82/2350", 100.0, -3.0)
    with pytest.raises(EnergyInputError, match="8760"):
        wind_profile("E-82/2350", 100.0, np.ones(24))
