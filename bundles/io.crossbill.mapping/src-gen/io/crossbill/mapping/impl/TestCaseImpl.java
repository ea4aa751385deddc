/**
 */
package io.crossbill.mapping.impl;

import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.TestCase;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Test Case</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.impl.TestCaseImpl#getName <em>Name</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.TestCaseImpl#getSourceEntity <em>Source Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.TestCaseImpl#getSampleJson <em>Sample Json</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.TestCaseImpl#getExpectedJson <em>Expected Json</em>}</li>
 * </ul>
 *
 * @generated
 */
public class TestCaseImpl extends MinimalEObjectImpl.Container implements TestCase {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourceEntity() <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceEntity()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_ENTITY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourceEntity() <em>Source Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceEntity()
	 * @generated
	 * @ordered
	 */
	protected String sourceEntity = SOURCE_ENTITY_EDEFAULT;

	/**
	 * The default value of the '{@link #getSampleJson() <em>Sample Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSampleJson()
	 * @generated
	 * @ordered
	 */
	protected static final String SAMPLE_JSON_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSampleJson() <em>Sample Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSampleJson()
	 * @generated
	 * @ordered
	 */
	protected String sampleJson = SAMPLE_JSON_EDEFAULT;

	/**
	 * The default value of the '{@link #getExpectedJson() <em>Expected Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExpectedJson()
	 * @generated
	 * @ordered
	 */
	protected static final String EXPECTED_JSON_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getExpectedJson() <em>Expected Json</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExpectedJson()
	 * @generated
	 * @ordered
	 */
	protected String expectedJson = EXPECTED_JSON_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected TestCaseImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MappingPackage.Literals.TEST_CASE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.TEST_CASE__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourceEntity() {
		return sourceEntity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceEntity(String newSourceEntity) {
		String oldSourceEntity = sourceEntity;
		sourceEntity = newSourceEntity;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.TEST_CASE__SOURCE_ENTITY, oldSourceEntity, sourceEntity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSampleJson() {
		return sampleJson;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSampleJson(String newSampleJson) {
		String oldSampleJson = sampleJson;
		sampleJson = newSampleJson;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.TEST_CASE__SAMPLE_JSON, oldSampleJson, sampleJson));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getExpectedJson() {
		return expectedJson;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setExpectedJson(String newExpectedJson) {
		String oldExpectedJson = expectedJson;
		expectedJson = newExpectedJson;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.TEST_CASE__EXPECTED_JSON, oldExpectedJson, expectedJson));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MappingPackage.TEST_CASE__NAME:
				return getName();
			case MappingPackage.TEST_CASE__SOURCE_ENTITY:
				return getSourceEntity();
			case MappingPackage.TEST_CASE__SAMPLE_JSON:
				return getSampleJson();
			case MappingPackage.TEST_CASE__EXPECTED_JSON:
				return getExpectedJson();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MappingPackage.TEST_CASE__NAME:
				setName((String)newValue);
				return;
			case MappingPackage.TEST_CASE__SOURCE_ENTITY:
				setSourceEntity((String)newValue);
				return;
			case MappingPackage.TEST_CASE__SAMPLE_JSON:
				setSampleJson((String)newValue);
				return;
			case MappingPackage.TEST_CASE__EXPECTED_JSON:
				setExpectedJson((String)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MappingPackage.TEST_CASE__NAME:
				setName(NAME_EDEFAULT);
				return;
			case MappingPackage.TEST_CASE__SOURCE_ENTITY:
				setSourceEntity(SOURCE_ENTITY_EDEFAULT);
				return;
			case MappingPackage.TEST_CASE__SAMPLE_JSON:
				setSampleJson(SAMPLE_JSON_EDEFAULT);
				return;
			case MappingPackage.TEST_CASE__EXPECTED_JSON:
				setExpectedJson(EXPECTED_JSON_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MappingPackage.TEST_CASE__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case MappingPackage.TEST_CASE__SOURCE_ENTITY:
				return SOURCE_ENTITY_EDEFAULT == null ? sourceEntity != null : !SOURCE_ENTITY_EDEFAULT.equals(sourceEntity);
			case MappingPackage.TEST_CASE__SAMPLE_JSON:
				return SAMPLE_JSON_EDEFAULT == null ? sampleJson != null : !SAMPLE_JSON_EDEFAULT.equals(sampleJson);
			case MappingPackage.TEST_CASE__EXPECTED_JSON:
				return EXPECTED_JSON_EDEFAULT == null ? expectedJson != null : !EXPECTED_JSON_EDEFAULT.equals(expectedJson);
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (name: ");
		result.append(name);
		result.append(", sourceEntity: ");
		result.append(sourceEntity);
		result.append(", sampleJson: ");
		result.append(sampleJson);
		result.append(", expectedJson: ");
		result.append(expectedJson);
		result.append(')');
		return result.toString();
	}

} //TestCaseImpl
